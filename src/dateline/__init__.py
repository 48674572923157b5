"""dateline (events branch placeholder: main's curated __init__ supersedes this file on merge)."""
