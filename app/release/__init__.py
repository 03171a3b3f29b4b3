"""The release package: redacted PDFs, the aktliste and the decision letter."""
