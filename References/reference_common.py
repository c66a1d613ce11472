"""Helpers shared by the reference-value scripts in this folder."""
import math

SAMPLES = 25


def sample_indices(n, samples=SAMPLES):
    """~`samples` deterministic row indices: first, last, evenly spaced between (duplicates removed)."""
    if n <= 0:
        return []
    return sorted({round(k * (n - 1) / (samples - 1)) for k in range(samples)})


def plain(value):
    """A JSON-safe Python scalar (numpy scalars unwrapped, NaN/inf → None, datetimes → ISO text)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
