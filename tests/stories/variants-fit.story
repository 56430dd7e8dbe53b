# The colours of a product's models, each with its price; a colour asked
# for picks that model; which of the products just shown a named one
# fits, from the compatibility lists both ways; and a product's whole
# compatibility list when no device is named.

story: the colours of a phone's models
> what colours does the iphone 15 come in
action: answer_variant
contains: Black (Apple iPhone 15 (128GB), $799)
contains: Pink (Apple iPhone 15 (512GB), $1,099)

story: a colour asked picks its model, which takes the focus
> tell me about the iphone 15 pro
> is it available in blue?
action: answer_variant
contains: Apple iPhone 15 Pro (256GB)
> how much is it
contains: $1,099

story: a colour the models do not come in
> is the galaxy s24 ultra in green?
action: answer_variant
contains: don't list it in that colour
contains: Titanium Gray

story: a colour in a statement is no colour question
> my black iphone 15 screen cracked
not-contains: All its colours

story: which of the two shown a lens fits
> compare the sony zv-e10 and the canon eos r50
> i own a canon rf 50mm f1.8 stm already, which of them fits it?
action: compatibility
contains: the one listed with the Canon RF 50mm F1.8 STM is the Canon EOS R50
> how long does the battery last
contains: LP-E17
contains: about 1 hour

story: the whole list when no device is named
> which cameras does the sandisk extreme pro sdxc fit
action: compatibility
contains: Sony Alpha 7 IV, ZV-E10

story: a size no model comes in: the sizes listed
> tell me about the ipad air 11-inch m2
> does it come in a 256 version?
action: answer_variant
contains: don't list the Apple iPad Air 11-inch in that size
contains: 128GB

story: what the listing does not state is said plainly
> tell me about the garmin venu 3
> can i shower with it
action: answer_attribute
contains: don't have the water resistance details

story: an attribute others of its kind state, this one not
> does the canon eos r8 have image stabilization
action: answer_attribute
contains: don't have the stabilization details
not-contains: LP-E17
