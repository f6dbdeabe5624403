from typing import Literal

ExpenseCategory = Literal[
    "activities",
    "equipment",
    "other",
    "platform_operation",
    "service_purchase",
    "training",
]

EXPENSE_CATEGORY_VALUES: set[ExpenseCategory] = {
    "activities",
    "equipment",
    "other",
    "platform_operation",
    "service_purchase",
    "training",
}


def check_expense_category(value: str) -> ExpenseCategory:
    if value in EXPENSE_CATEGORY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {EXPENSE_CATEGORY_VALUES!r}"
    )
