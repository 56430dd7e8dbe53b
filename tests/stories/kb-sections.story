# The section of a policy that answers is chosen by what the question
# asks: "which" or "who" wants the section that lists names, "do I pay"
# or "is it free" the one stating an amount, and a section about what is
# not done ("What we cannot match") answers only a question asking that.

story: which retailers are matched is the list of competitors
> who do you price match against
contains: Best Buy
not-contains: Marketplace and third-party

story: what cannot be matched is the list of exclusions
> is there anything you won't price match
contains: third-party
not-contains: Best Buy

story: paying for shipping is the section with the costs
> whats your cheapest 4k monitor
> do i pay shipping on that
contains: $49
not-contains: APO

story: paying for shipping asked plainly
> do I have to pay for shipping?
contains: $49
not-contains: internationally
