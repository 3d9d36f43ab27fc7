"""Filter: notebook cells 4 (ids para0003) as a function."""


# Source: notebook cells 4 (ids para0003).
def filter(threshold, label):
    """Filter"""
    # notebook cell para0003 (cell 4)
    scores = [0.1, 0.7, 0.4, 0.9, 0.55]
    kept = [s for s in scores if s > threshold]
    print(f"{label}: {len(kept)} of {len(scores)} above {threshold}")
