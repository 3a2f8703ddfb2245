"""People: user accounts, sign-in, login throttling and personal API tokens."""
