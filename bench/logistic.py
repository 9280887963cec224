"""Logistic regression for the calibration scripts (bench/boundary.py, bench/year_ranker.py).

Newton's method with a little ridge, on standardised columns; weights returned in raw units, so
a model in the code needs no scaler. The first column must be the constant 1 (the bias).
"""

from __future__ import annotations

import numpy as np


def fit_logistic(x: np.ndarray, y: np.ndarray, ridge: float = 1e-2, rounds: int = 50) -> tuple[float, ...]:
    """Weights of P(y=1 | x) = σ(x · w), rounded to four decimals."""
    mean, scale = x[:, 1:].mean(0), x[:, 1:].std(0) + 1e-9
    z = np.hstack([x[:, :1], (x[:, 1:] - mean) / scale])
    w = np.zeros(z.shape[1])
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        hessian = z.T @ (z * (p * (1 - p))[:, None]) + ridge * np.eye(len(w))
        w -= np.linalg.solve(hessian, z.T @ (p - y) + ridge * w)
    raw = np.concatenate([[w[0] - float(np.sum(w[1:] * mean / scale))], w[1:] / scale])
    return tuple(round(float(v), 4) for v in raw)


def fit_logistic_raw(x: np.ndarray, y: np.ndarray, ridge: float, rounds: int = 30) -> np.ndarray:
    """Weights of P(y=1 | x) = σ(x · w) on the columns as they are, the bias (first column) free.

    For many columns of one scale (an embedding's dimensions): standardising each would blow up
    the dimensions that barely vary, which are mostly noise.
    """
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], ridge)
    penalty[0] = 0.0
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, x.T @ (p - y) + penalty * w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w
