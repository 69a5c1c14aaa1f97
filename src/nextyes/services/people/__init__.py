"""The network and the support circle."""
