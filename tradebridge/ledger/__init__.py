"""Double-entry escrow ledger: accounts, balanced transactions, reversals and statements."""
