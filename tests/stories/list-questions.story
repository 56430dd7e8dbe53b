# Questions about the members of the list just shown: each member's own
# specifications answer, every member is named, "none of them" when
# none has it; positions and descriptions pick one; agreeing buys it.

story: a feature none of the words of the store name, over a list
> compare the Beats Fit Pro, the Sony WF-1000XM5 and the Apple AirPods Pro (2nd generation, USB-C)
action: compare
> hmm which of those are sweatproof
action: which_has
contains: Beats Fit Pro ($199): yes, water resistance IPX4
contains: AirPods Pro (2nd generation, USB-C) ($249): yes, water resistance IP54
not-contains: can't help

story: do all of them have it
> compare the Beats Fit Pro, the Sony WF-1000XM5 and the Apple AirPods Pro (2nd generation, USB-C)
> do all three have noise cancelling?
action: which_has
contains: All 3 I just showed you
contains: Sony WF-1000XM5 ($299): yes, noise cancelling yes

story: a colour none of them lists is said so, for each
> compare the Beats Fit Pro, the Sony WF-1000XM5 and the Apple AirPods Pro (2nd generation, USB-C)
> any of them come in black?
action: which_has
contains: None of the 3
contains: Beats Fit Pro ($199): its specifications don't mention it
not-contains: in stock

story: what a list works with, said as a no with what it does work with
> compare the Apple Watch Series 9 GPS 41mm, the Apple Watch Ultra 2 (49mm, GPS + Cellular) and the Apple Watch SE (2nd Gen) GPS 40mm
> will any of these pair with an android phone
action: which_has
contains: no, compatible with iPhone
not-contains: Galaxy Tab

story: only one of a list has it, and agreeing takes that one
> compare the Logitech G502 X Plus, the Razer DeathAdder V3 Pro and the Cable Matters Ultra High Speed HDMI 2.1 Cable (6.6 ft)
> which of em is wireless
contains: only the Logitech G502 X Plus matches
> ok that one
contains: Logitech G502 X Plus

story: a printer list asked about printing both sides
> compare the Brother HL-L2350DW Wireless Laser Printer, the HP 936e High Yield Black Ink Cartridge and the Brother TN760 High Yield Toner
> any of those print double sided?
contains: Brother HL-L2350DW Wireless Laser Printer ($129.99): yes, duplex automatic
not-contains: not able to answer

story: the cheapest of the list, every price beside it
> compare the JBL Charge 5, the JBL Flip 6 and the Bose SoundLink Flex (2nd Gen)
> so which is the cheapest
contains: the JBL Flip 6 is the cheapest at $99.95
contains: JBL Charge 5: $179.95

story: agreeing to the one a size describes takes it
> compare the LG 55" C4 OLED evo 4K, the LG 65" C4 OLED evo 4K and the Samsung 65" S90D OLED 4K
> ok the 55 inch one please
action: cart_sign_in
contains: LG 55" C4 OLED evo 4K
not-contains: LG 65"

story: agreeing to a position puts it in the cart
user: C1001
> compare the JBL Charge 5, the JBL Flip 6 and the Bose SoundLink Flex (2nd Gen)
> yes the second one
action: cart_add
contains: Added the JBL Flip 6

story: the store's own facts of each member, not of the first
> compare the JBL Charge 5, the JBL Flip 6 and the Bose SoundLink Flex (2nd Gen)
> any of them discounted right now?
contains: JBL Flip 6 ($99.95): on sale, down from $129.95
contains: JBL Charge 5 ($179.95): not on sale
> and do they all come with a warranty
contains: Bose SoundLink Flex (2nd Gen) ($149): 1-year manufacturer warranty

story: a word of a value's phrasing is no feature
> compare the JBL Charge 5, the JBL Flip 6 and the Bose SoundLink Flex (2nd Gen)
> which one can charge my phone
contains: only the JBL Charge 5 matches
contains: powerbank USB-A out
not-contains: All 3

story: a brand said alone after a list shows that one, whatever it reads as
> compare the Apple MacBook Air 13-inch (M3, 8GB, 256GB), the HP Spectre x360 14 and the Dell XPS 14
> the hp
contains: HP Spectre x360 14
not-contains: can't help

story: a colour said as the one meant picks the one of that colour
> compare the Apple MacBook Air 13-inch (M3, 8GB, 256GB), the HP Spectre x360 14 and the Dell XPS 14
> the black one, how heavy is it?
contains: HP Spectre x360 14 has weight 1.44 kg
not-contains: MacBook

story: a brand two of the list share is asked about, then the name picks
> compare the ASUS Zenbook 14 OLED, the ASUS TUF Gaming A15 and the Apple MacBook Air 13-inch (M3, 8GB, 256GB)
> the apple one, price?
contains: MacBook Air
> the asus one, how heavy?
action: ask_which_product
contains: the ASUS Zenbook 14 OLED or the ASUS TUF Gaming A15
> the zenbook
contains: ASUS Zenbook 14 OLED
not-contains: TUF

story: the other of two is the one not discussed last
> compare the Keychron K2 Max and the Logitech MX Keys S
> which one has a backlight
> and the other one, how long does its battery last?
contains: Logitech MX Keys S
not-contains: Keychron K2 Max has
