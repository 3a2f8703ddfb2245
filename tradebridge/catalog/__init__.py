"""The wholesale catalog: bilingual products, variants, price tiers, categories and bulk import."""
