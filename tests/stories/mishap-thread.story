# A wrong delivery or a defect told on one turn is a fact of the thread:
# the return's cost asked on the next turn is a mishap's (free label, no
# fee), not a change of mind's (dlg_mishap_note, dlg-returns.c).

story: the wrong colour told, then what a return costs
user: C1046
> order 12330 arrived but its the wrong colour
contains: #12330
> ok so what would a return cost me
contains: free
contains: $429
not-contains: $7.99

story: a change of mind still pays the label
user: C1046
> order 12330 arrived yesterday
> ok so what would a return cost me
contains: $7.99
