# The most or least of a specification over the whole kind when the
# budget is set aside or one product was shown (src/dlg-ranklist.c).

story: the most of a specification with the price set aside ranks the whole kind
> earbuds for the gym please, max 120
> regardless of price, which one is the most water resistant
action: best_of_kind
contains: Jabra Elite 8 Active
contains: IP68
> how long does it last on a charge
contains: 8 hours
