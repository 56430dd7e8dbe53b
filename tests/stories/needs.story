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

story: which of a brand lists a feature
> which garmin has maps
action: which_has
contains: Garmin fenix 7 Pro Solar
contains: topo maps
not-contains: Instinct

story: which of the list shown lists a feature
> show me 65 inch TVs under $2500
action: recommend
> which of those has dolby vision
action: which_has
contains: the LG 65" C4 OLED evo 4K, the Sony 65" BRAVIA 8 OLED 4K and the Sony 65" BRAVIA 7 Mini LED 4K match
contains: LG 65" C4 OLED evo 4K ($2,099): yes, hdr HDR10, HLG, Dolby Vision
not-contains: S90D OLED 4K ($1,999): yes

story: the cheapest of a brand in stock
> and the cheapest Garmin you have?
action: best_of_list
contains: Garmin Instinct 2 Solar at $299.99

story: two products named as alternatives in a recommendation are compared
user: C1022
> Sony WH-1000XM5 or Bose QuietComfort Ultra Headphones, which would you get for flights and some gaming?
action: compare
contains: Sony WH-1000XM5
contains: Bose QuietComfort Ultra Headphones
