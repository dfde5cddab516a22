"""Rules: what a rule is (base), the rules by family, their catalogue (the explicit list the
registry reads), and the engine that runs them."""
