# A price match asked while a product is in focus is the store's price
# match policy: the product only scopes it, and its own price does not
# say whether the store matches another's.

story: seen cheaper elsewhere, asked of the product in focus
> tell me about the Logitech Brio 4K Webcam
> saw it cheaper at best buy, can you match
contains: Best Buy
contains: 14 days
not-contains: costs $169.99

story: a price match asked of a product named
> do you price match on the Sony WH-1000XM5
contains: 14 days
not-contains: is on sale for

story: the product's price is still its own when asked
> tell me about the Logitech Brio 4K Webcam
> how much is it
contains: $169.99
