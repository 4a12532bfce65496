"""English boilerplate trailers for injection: the kinds of lines a scraper or a wire
feed glues under an article. Templates with slots, so the set measures the general
case rather than one phrase. All written for this project.
"""

from __future__ import annotations

import random

OUTLETS = [
    "The Daily Ledger", "Northern Echo Media", "Metro Herald", "the Courier Group",
    "Harbour Times", "City Press Ltd", "Valley News Network", "The Morning Post Company",
    "Associated Wire Services", "Global Newsdesk Inc",
]
PEOPLE = [
    "Sarah Whitfield", "Tom Okafor", "Maria Lindqvist", "David Chen", "Aisha Rahman",
    "Peter Novak", "Lucy Barnes", "James Adeyemi", "Elena Petrova", "Mark Holloway",
]
PLACES = ["London", "Brussels", "Washington", "Nairobi", "Singapore", "Berlin", "Madrid"]
HANDLES = ["@dailyledger", "@metroherald", "@harbourtimes", "@citypressnews", "@valleynews"]
SECTIONS = ["Business", "Politics", "World", "Sport", "Technology", "Entertainment", "Health"]
HEADLINES = [
    "Markets slide as oil price climbs",
    "Council approves new housing plan",
    "Ten things we learned this week",
    "How the budget affects your household",
    "Striker signs three-year deal",
    "Why broadband prices are rising again",
]

TEMPLATES = [
    "Share this article",
    "Share this:\nFacebook\nTwitter\nEmail\nPrint",
    "Share on Facebook | Share on Twitter | Share on WhatsApp",
    "Follow us on Twitter {handle} and like us on Facebook.",
    "Follow {outlet} on Facebook, Twitter and Instagram.",
    "Like us on Facebook to see similar stories",
    "Click here to subscribe to our newsletter.",
    "Sign up for our daily {section} briefing, delivered to your inbox every morning.",
    "Subscribe now for unlimited access to {outlet}.",
    "Get the latest headlines sent straight to your inbox. Sign up here.",
    "Copyright {year} {outlet}. All rights reserved.",
    "© {year} {outlet}. All rights reserved.",
    "(c) Copyright {outlet} {year}",
    "All content © {year} {outlet}, unless otherwise stated.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Copyright {year} {outlet}. This material may not be published, broadcast, rewritten, or redistributed.",
    "Read more: {headline}",
    "READ MORE: {headline}",
    "Related: {headline}",
    "More on this story\n{headline}\n{headline2}",
    "Related Topics\n{section}\n{place}",
    "Download the {outlet} app for the latest news and alerts.",
    "Get our free app for iPhone and Android.",
    "Download our app on the App Store or Google Play.",
    "(Reporting by {person}; Editing by {person2})",
    "(Reporting by {person} in {place}; Additional reporting by {person2}; Editing by {person3})",
    "Additional reporting by {person}",
    "Writing by {person}; editing by {person2}",
    "Have your say: leave a comment below.",
    "Comments are closed.",
    "Comments (0)",
    "Advertisement",
    "Story continues below advertisement",
    "Print this article | Email this article",
    "Posted in {section} | Tagged {place}, {section} | Leave a comment",
    "Photo: {outlet}",
    "Image copyright {outlet}",
    "Report a correction or typo",
    "Do you have a story? Email us at news@example.com",
    "Terms of Use | Privacy Policy | Cookie Settings",
    "Back to top",
    "Previous article\nNext article",
    "You may also like\n{headline}",
    "Most Popular\n{headline}\n{headline2}",
    "Contact the author: {person}",
    "Published {day} {month} {year}, last updated {hour}:{minute} GMT",
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def make_trailer(rng: random.Random) -> str:
    """One trailer, its slots filled at random."""
    template = rng.choice(TEMPLATES)
    people = rng.sample(PEOPLE, 3)
    headlines = rng.sample(HEADLINES, 2)
    return template.format(
        outlet=rng.choice(OUTLETS),
        person=people[0],
        person2=people[1],
        person3=people[2],
        place=rng.choice(PLACES),
        handle=rng.choice(HANDLES),
        section=rng.choice(SECTIONS),
        headline=headlines[0],
        headline2=headlines[1],
        year=rng.randint(1998, 2024),
        day=rng.randint(1, 28),
        month=rng.choice(MONTHS),
        hour=f"{rng.randint(0, 23):02d}",
        minute=f"{rng.randint(0, 59):02d}",
    )
