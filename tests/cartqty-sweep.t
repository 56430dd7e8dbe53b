#!/bin/sh
# Cart changes said without naming the cart (tests/cartqty-sweep.py):
# over the first products of every category, "make it N" in many
# registers sets the count of the line in focus and no other; a count
# for a line named by brand and kind sets that line's; with the focus on
# a product the cart lacks, or two lines of the brand said, the reply
# asks which and nothing changes.  A removal said without the cart
# ("never mind the sony headphones", "remove it") takes out that line
# alone; a question with a removal's verb takes out none.  The floors
# sit one under the measured figures: for some customers a setup adds
# another product too ("Amazon eero 6+ ... (3-pack)" and the Spigen
# 2-pack) or none ("Apple iPhone 15 Pro Clear Case"), and which customer
# meets which case moves as cases are added.  "Empty it", "clear my
# cart" take every line out; "is my cart empty?" none.  "How much is that all together"
# reads the cart's total back (every price backed); "the total weight"
# is no cart's.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run cartqty-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total FOCUS 60 "products swept (%s)"
sweep_floor FOCUS 63 "a count sets the line in focus alone" 64
sweep_floor NAMED 39 "a count for a line named by brand and kind" 40
sweep_floor WHICH 63 "focus not in the cart: asked which, nothing changed"
sweep_floor MANY 31 "two lines of the brand: asked which" 32
sweep_floor DROP 39 "a removal of the line named, no cart said" 40
sweep_floor DROPIT 63 "\"remove it\": the line in focus alone" 64
sweep_floor ASK 39 "a question with a removal's verb removes none" 40
sweep_floor TOTAL 63 "the total asked: the cart's, backed" 64
sweep_floor SPEC 31 "a total of a spec is no cart total" 32
sweep_floor EMPTY 31 "emptied: no line left"
sweep_floor KEEP 31 "a question with an emptying word empties none"
finish
