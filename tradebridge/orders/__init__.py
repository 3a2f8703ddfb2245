"""Carts, orders with Trade Assurance, their state machine, stock reservations, timers and disputes."""
