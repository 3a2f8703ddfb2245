"""The demo data set: realistic bilingual companies and people, built in code."""
