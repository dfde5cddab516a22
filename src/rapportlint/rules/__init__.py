"""Rules: the catalogue (registry), the rules by family, and the engine that runs them."""
