# A word of a product line said after "the" ("the pixel", "the galaxy")
# names the one product of that line the conversation holds, and beats
# the product in focus in every product answer (a spec, the colours);
# a word two lines discussed share picks neither.

story: the line said after a comparison answers about that line
> compare the iphone 15 and the pixel 8
contains: Pixel 8
> right, does the pixel do wireless charging
contains: Pixel 8
not-contains: iPhone
> and the pixel comes in which colours?
contains: Hazel
not-contains: iPhone

story: the line word with the focus on the other product
> tell me about the Google Pixel 8
> and the Samsung Galaxy S24?
contains: Galaxy S24
> how heavy is the pixel
contains: Pixel 8
not-contains: Galaxy
