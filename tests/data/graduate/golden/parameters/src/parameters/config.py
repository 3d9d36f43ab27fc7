"""Configuration: the notebook's parameters and inputs, overridable from a TOML file and the command line."""

import os
import tomllib

from parameters._runtime import INPUTS, ROOT

DEFAULTS = {
    "threshold": 0.5,  # notebook cell para0001
    "label": "scores",  # notebook cell para0001
    "repeat": 3,  # notebook cell para0001
}


def load_config(path=None, overrides=None):
    """DEFAULTS, then the TOML file (path, $PARAMETERS_CONFIG, or the package's config/params.toml), then overrides.

    Paths of the notebook's inputs are the table "inputs" (entry -> path)."""
    config = dict(DEFAULTS)
    config["inputs"] = {name: notebook_path for name, (notebook_path, _copy) in INPUTS.items()}
    if path is None:
        path = os.environ.get("PARAMETERS_CONFIG")
    if path is None and (ROOT / "config" / "params.toml").is_file():
        path = ROOT / "config" / "params.toml"
    if path is not None:
        with open(path, "rb") as handle:
            values = tomllib.load(handle)
        inputs = values.pop("inputs", {})
        unknown = sorted(set(values) - set(DEFAULTS)) + sorted(
            "inputs." + name for name in set(inputs) - set(INPUTS)
        )
        if unknown:
            raise ValueError(f"{path}: unknown parameters: {', '.join(unknown)}")
        config.update(values)
        config["inputs"].update(inputs)
    overrides = dict(overrides or {})
    config["inputs"].update(overrides.pop("inputs", {}))
    config.update(overrides)
    return config
