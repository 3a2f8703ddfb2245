"""What buyers see: category browsing and product pages, in English or Chinese."""
