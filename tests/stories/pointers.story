# Pointers at what the bot just showed: a place in the list said in
# digits or words, going back to one seen before, a word of a name said
# alone.  Two that fit alike are asked about, never guessed.

story: a place in the list said as a number
> got any portable speakers?
action: recommend
> how about number two
contains: JBL Flip 6
not-contains: JBL Charge 5
not-contains: Bose SoundLink Flex

story: "3rd" is a place in the list, not a generation of a model
> whats on offer in smartphones
> whats the 3rd one like?
contains: Apple iPhone 15 (128GB)
not-contains: iPhone SE

story: a place said after "see the specs?" picks that one, it is no yes
> i'm after a tablet
action: recommend
> option 2 please
contains: Apple iPad Pro 11-inch
not-contains: iPad Air

story: going back to a brand just compared is no return
> compare the Sony WH-1000XM4 and the Bose QuietComfort Headphones
action: compare
> is the sony one comfy for long flights?
contains: Sony WH-1000XM4
> ok go back to the bose
contains: Bose QuietComfort Headphones
not-contains: refund

story: going back to the first one shown, two turns later
> what TVs have you got
> tell me about the second one
contains: LG 65" C4 OLED evo 4K
> and the last one?
contains: LG 55" B4 OLED 4K
> alright, back to the first one you showed me
contains: LG 55" C4 OLED evo 4K
not-contains: refund

story: a word two names shown share is asked about
> what TVs have you got
> the evo one?
action: ask_which_product
contains: LG 55" C4 OLED evo 4K
contains: LG 65" C4 OLED evo 4K

story: a word no name shown has: the store's product of that kind
> show me some phones
> hmm and what about the ultra
contains: Samsung Galaxy S24 Ultra
not-contains: iPhone

story: a word of several lines of the kind, none shown: asked which
> show me some phones
> the pixel?
action: ask_which_product
contains: Google Pixel 8 (128GB)
contains: Google Pixel 8 Pro
not-contains: iPhone

story: a brand two shown share, said with "one": asked which
> monitors please
> the dell one?
action: ask_which_product
contains: Dell UltraSharp 27 4K USB-C Hub Monitor
contains: Dell 27 Gaming Monitor S2721DGF

story: a word inside a question of its own is no product shown
> show me internal SSDs
> what height limit for the heatsink?
not-contains: FireCuda

story: a model of a known brand the store lacks, while another is shown
> tell me about the JBL Flip 6
> and the Sony QX-9000?
action: product_not_found
contains: I couldn't find Sony QX-9000
not-contains: JBL Flip 6
not-contains: WH-1000XM4

story: the name the store lacks stays in the reply that says so
> tell me about the Samsung Galaxy S24 (128GB)
> what about the Galaxy S25
action: product_not_found
contains: I couldn't find Galaxy S25
contains: Samsung Galaxy S24

story: a place said by where it stands in the list
> which e-readers and tablets do you have
> the one in the middle, how much is it?
contains: Apple iPad Pro 13-inch
not-contains: iPad Air
> and the bottom one?
contains: Samsung Galaxy Tab S9

story: a place past the end of the list is asked about, never the first one
> got any portable speakers?
action: recommend
> option 7
action: ask_which_product
contains: I showed 5
contains: Marshall Emberton II
> the third then
contains: Bose SoundLink Flex

story: "number six" said in words is a place too
> show me all your laptops
> number six please
action: ask_which_product
not-contains: Here are the specs
