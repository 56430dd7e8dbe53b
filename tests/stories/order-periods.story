# Orders picked by a time said relative to today ("this week", "a week
# ago", "last month", "again this month"), whatever day it is.

story: the order a week ago, among a return and a refund
user: C1031
> i returned it a week ago and no money
contains: #12273
not-contains: #11991
contains: within 5 business days

story: the order delivered this week, among several monitors
user: C1036
> i want to return my monitor
action: ask_order_id
> the one i got this week
contains: #12327
contains: 2026-12-18

story: the same earbuds bought again this month
user: C1019
> hey i returned some soundcore earbuds last month, where's my refund?
contains: #12156
> ok different thing. I bought the same earbuds again this month for 129 and now they're 99??
contains: #12278
contains: $30
not-contains: #12156

story: the return sent last month, not this month's
user: C1002
> where is the refund for the one i returned last month
contains: #12170
not-contains: #12281
