"""Money, currencies, exchange rates and landed cost: pure rules, with Django only at the edges."""
