# "The cheapest of these tank ones" after a list of several kinds: the
# word of a subcategory (from the catalog) that some of those shown have
# and others don't ranks only those; said of none, or of all, the whole
# list as before.

story: the cheapest tank of a printer list with tanks and lasers
> show me printers
> which tank one is the cheapest of those
contains: Canon PIXMA G6020
not-contains: HL-L2350DW Wireless Laser Printer is the cheapest

story: the most expensive tank of the same list
> show me printers
> of those tank printers, which is the most expensive
contains: EcoTank ET-4850
not-contains: MFC-L3780CDW Colour Laser All-in-One is the most

story: the cheapest of those with no part said is the whole list's
> show me printers
> which is the cheapest of those
contains: Brother HL-L2350DW
