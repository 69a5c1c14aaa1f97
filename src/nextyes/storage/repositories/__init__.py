"""Repositories: plain SQL per aggregate, rows mapped to domain dataclasses in one place each."""
