# How much more or less of a specification one product has than the
# other: both values and the difference, never a price
# (src/dlg-howmuch.c).

story: a brand said alone picks the one of the two compared
> compare the zephyrus g14 and the razer blade 16
action: compare
> by how much is the razer heavier
action: spec_gap
contains: 2.5 kg
contains: 1.5 kg
contains: 1 kg heavier
not-contains: $

story: the other one is the one compared before, asked after a brand said first
> compare the zephyrus g14 and the razer blade 16
action: compare
> and the asus, how much lighter is it
action: spec_gap
contains: 1 kg lighter
not-contains: $

story: a weight neither lists is said so, not priced
> compare the sony wh-1000xm5 and the airpods max
action: compare
> how much lighter are the sony ones
action: spec_gap
contains: don't say
not-contains: $

story: a price gap stays a price answer
> compare the zephyrus g14 and the razer blade 16
action: compare
> how much cheaper is the asus
not-contains: kg
