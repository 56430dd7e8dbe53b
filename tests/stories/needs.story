# Needs said in specification terms filter recommendations and lists: a
# product whose specifications contradict one is never offered.

story: a screen size and a budget, then 4K at 120 Hz
> show me 65 inch TVs under $1500
action: recommend
contains: Hisense 65" U8N
contains: Samsung 65" Crystal UHD DU7200
not-contains: TCL 50"
> my son plays on his PS5 so it has to do 4K 120Hz
action: recommend
contains: Hisense 65" U8N
contains: 120 Hz or more
not-contains: DU7200

story: interchangeable lens narrows cameras to bodies with a mount
> show me cameras under 800
action: recommend
> interchangeable lens pls, i want to upgrade lenses later
action: recommend
contains: Sony ZV-E10
contains: Canon EOS R50
not-contains: Sigma 18-50mm
not-contains: Instax

story: a watch that works with both an iPhone and Android
> which smartwatches work with iPhone and Android?
not-contains: Apple Watch
not-contains: Pixel Watch

story: the longest battery of a brand, not of the list shown
> show me 65 inch TVs under $1500
> which garmin has the longest battery
action: best_of_list
contains: Garmin Instinct 2 Solar
contains: 28 days
not-contains: Hisense

story: a kind named is not the product in focus
> tell me about the Garmin Instinct 2 Solar
> show me headphones
not-contains: Garmin
