"""Functions and classes the notebook defines, shared by the steps."""


# From notebook cell sect0004 (cell 5).
def revenue(price, quantity):
    """Revenue of one order line."""
    return round(price * quantity, 2)
