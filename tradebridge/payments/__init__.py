"""Payment providers, the simulated gateway and signed payment webhooks."""
