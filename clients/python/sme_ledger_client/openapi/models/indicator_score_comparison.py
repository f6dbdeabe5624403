from typing import Literal

IndicatorScoreComparison = Literal["<=", ">="]

INDICATOR_SCORE_COMPARISON_VALUES: set[IndicatorScoreComparison] = {
    "<=",
    ">=",
}


def check_indicator_score_comparison(value: str) -> IndicatorScoreComparison:
    if value in INDICATOR_SCORE_COMPARISON_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {INDICATOR_SCORE_COMPARISON_VALUES!r}"
    )
