# A question naming a product, or pointing at the one in focus, is
# about that product even when the classifier is unsure; a clarifying
# question only offers what the message gives ground for.

story: a question about paying once names a product, not the payments
> is microsoft 365 personal a yearly fee or a one-off
not-contains: make sure I get this right
contains: Microsoft 365 Personal

story: an odd use of a product in focus is asked about that product
> tell me about the GoPro HERO12 Black
> could i bring it scuba diving with no case
not-contains: make sure I get this right
contains: GoPro

story: one product named for a beginner is about that product
> would the Canon EOS R50 suit a complete novice
not-contains: What kind of product are you after
contains: Canon EOS R50
