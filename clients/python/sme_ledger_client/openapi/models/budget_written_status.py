from typing import Literal

BudgetWrittenStatus = Literal["approved", "proposed"]

BUDGET_WRITTEN_STATUS_VALUES: set[BudgetWrittenStatus] = {
    "approved",
    "proposed",
}


def check_budget_written_status(value: str) -> BudgetWrittenStatus:
    if value in BUDGET_WRITTEN_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BUDGET_WRITTEN_STATUS_VALUES!r}"
    )
