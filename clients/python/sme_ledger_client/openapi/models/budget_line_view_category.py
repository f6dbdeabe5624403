from typing import Literal

BudgetLineViewCategory = Literal[
    "activities",
    "equipment",
    "other",
    "platform_operation",
    "service_purchase",
    "training",
]

BUDGET_LINE_VIEW_CATEGORY_VALUES: set[BudgetLineViewCategory] = {
    "activities",
    "equipment",
    "other",
    "platform_operation",
    "service_purchase",
    "training",
}


def check_budget_line_view_category(value: str) -> BudgetLineViewCategory:
    if value in BUDGET_LINE_VIEW_CATEGORY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BUDGET_LINE_VIEW_CATEGORY_VALUES!r}"
    )
