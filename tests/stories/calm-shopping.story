# Shopping with some of the customer's life in it is no complaint: no
# apology, no offer of a person.  Real frustration still gets both.

story: a laptop for a child starting school
> looking for a laptop for my son who is starting high school
not-contains: sorry
not-contains: Sorry
contains: laptop

story: a tablet for the children's homework
> our son just started secondary school, he needs a tablet for homework
not-contains: sorry
not-contains: Sorry

story: fed up with a late parcel
user: C1050
> this is getting ridiculous, my wifi thing is late again
contains: sorry
