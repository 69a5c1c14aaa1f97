"""The journal taken elsewhere or kept safe: exports, imports, backups."""
