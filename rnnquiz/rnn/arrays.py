"""Names for the array types the numerics pass around, so signatures say float64 rather than Any."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float64]
"""Weights, states, gradients, curves: everything numeric is float64 (house rule)."""
Bools = NDArray[np.bool_]
"""Masks: saturated, exploded."""
Ints = NDArray[np.int_]
"""Indices and delays."""
Array = NDArray[Any]
"""An array whose dtype a caller chooses (inputs before `np.asarray(..., float64)`)."""
Series = Sequence[float] | NDArray[Any]
"""Values to plot: a list, or an array of any real dtype (steps are integers)."""
