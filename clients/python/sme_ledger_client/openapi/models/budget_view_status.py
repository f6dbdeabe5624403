from typing import Literal

BudgetViewStatus = Literal["approved", "proposed"]

BUDGET_VIEW_STATUS_VALUES: set[BudgetViewStatus] = {
    "approved",
    "proposed",
}


def check_budget_view_status(value: str) -> BudgetViewStatus:
    if value in BUDGET_VIEW_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BUDGET_VIEW_STATUS_VALUES!r}"
    )
