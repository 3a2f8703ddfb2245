"""TradeBridge: a cross-border marketplace for UK wholesale, brand retail and export programmes."""

__version__ = "0.1.0"
