"""Configuration: the notebook's parameters, overridable from a TOML file and the command line."""

import os
import tomllib
from pathlib import Path

DEFAULTS = {
    "threshold": 0.5,  # notebook cell para0001
    "label": "scores",  # notebook cell para0001
    "repeat": 3,  # notebook cell para0001
}


def load_config(path=None, overrides=None):
    """DEFAULTS, then the TOML file (path, $PARAMETERS_CONFIG, or ./config/params.toml), then overrides."""
    config = dict(DEFAULTS)
    if path is None:
        path = os.environ.get("PARAMETERS_CONFIG")
    if path is None and Path("config/params.toml").is_file():
        path = "config/params.toml"
    if path is not None:
        with open(path, "rb") as handle:
            values = tomllib.load(handle)
        unknown = sorted(set(values) - set(DEFAULTS))
        if unknown:
            raise ValueError(f"{path}: unknown parameters: {', '.join(unknown)}")
        config.update(values)
    config.update(overrides or {})
    return config
