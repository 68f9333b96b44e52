//! Apple Podcasts' category list, embedded: the only values `itunes:category` may take.
//!
//! The list is Apple's current one (the 2019 revision, as Apple Podcasts Connect and
//! podcasts.apple.com show it). Names are compared exactly, `&` included: Apple matches them
//! byte for byte. One known disagreement: Apple lists `Religion` under
//! `Religion & Spirituality`, the W3C Feed Validation Service does not yet and reports it as an
//! invalid category; the tests pin that exception.

/// Apple's categories, each with its subcategories, in Apple's order.
pub const APPLE_CATEGORIES: &[(&str, &[&str])] = &[
    (
        "Arts",
        &[
            "Books",
            "Design",
            "Fashion & Beauty",
            "Food",
            "Performing Arts",
            "Visual Arts",
        ],
    ),
    (
        "Business",
        &[
            "Careers",
            "Entrepreneurship",
            "Investing",
            "Management",
            "Marketing",
            "Non-Profit",
        ],
    ),
    ("Comedy", &["Comedy Interviews", "Improv", "Stand-Up"]),
    (
        "Education",
        &["Courses", "How To", "Language Learning", "Self-Improvement"],
    ),
    ("Fiction", &["Comedy Fiction", "Drama", "Science Fiction"]),
    ("Government", &[]),
    (
        "Health & Fitness",
        &[
            "Alternative Health",
            "Fitness",
            "Medicine",
            "Mental Health",
            "Nutrition",
            "Sexuality",
        ],
    ),
    ("History", &[]),
    (
        "Kids & Family",
        &[
            "Education for Kids",
            "Parenting",
            "Pets & Animals",
            "Stories for Kids",
        ],
    ),
    (
        "Leisure",
        &[
            "Animation & Manga",
            "Automotive",
            "Aviation",
            "Crafts",
            "Games",
            "Hobbies",
            "Home & Garden",
            "Video Games",
        ],
    ),
    (
        "Music",
        &["Music Commentary", "Music History", "Music Interviews"],
    ),
    (
        "News",
        &[
            "Business News",
            "Daily News",
            "Entertainment News",
            "News Commentary",
            "Politics",
            "Sports News",
            "Tech News",
        ],
    ),
    (
        "Religion & Spirituality",
        &[
            "Buddhism",
            "Christianity",
            "Hinduism",
            "Islam",
            "Judaism",
            "Religion",
            "Spirituality",
        ],
    ),
    (
        "Science",
        &[
            "Astronomy",
            "Chemistry",
            "Earth Sciences",
            "Life Sciences",
            "Mathematics",
            "Natural Sciences",
            "Nature",
            "Physics",
            "Social Sciences",
        ],
    ),
    (
        "Society & Culture",
        &[
            "Documentary",
            "Personal Journals",
            "Philosophy",
            "Places & Travel",
            "Relationships",
        ],
    ),
    (
        "Sports",
        &[
            "Baseball",
            "Basketball",
            "Cricket",
            "Fantasy Sports",
            "Football",
            "Golf",
            "Hockey",
            "Rugby",
            "Running",
            "Soccer",
            "Swimming",
            "Tennis",
            "Volleyball",
            "Wilderness",
            "Wrestling",
        ],
    ),
    ("Technology", &[]),
    ("True Crime", &[]),
    (
        "TV & Film",
        &[
            "After Shows",
            "Film History",
            "Film Interviews",
            "Film Reviews",
            "TV Reviews",
        ],
    ),
];

/// The subcategories of an Apple category, or `None` when `name` is not one.
pub fn apple_subcategories(name: &str) -> Option<&'static [&'static str]> {
    APPLE_CATEGORIES
        .iter()
        .find(|(category, _)| *category == name)
        .map(|(_, subs)| *subs)
}

/// True when `name` (and `sub`, if given) is in Apple's list, `sub` under `name`.
///
/// The config loader reports anything else as an error (see [`suggest_apple_category`] for
/// its help line).
pub fn apple_category_is_valid(name: &str, sub: Option<&str>) -> bool {
    match (apple_subcategories(name), sub) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(subs), Some(sub)) => subs.contains(&sub),
    }
}

/// The Apple category a producer probably meant, written as in `podcast.yaml`
/// (`"Business/Entrepreneurship"`): the same name in another case, or a subcategory given
/// as a category, or a subcategory placed under the wrong category.
pub fn suggest_apple_category(name: &str, sub: Option<&str>) -> Option<String> {
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let find_sub = |wanted: &str| {
        APPLE_CATEGORIES.iter().find_map(|(category, subs)| {
            subs.iter()
                .find(|s| same(s, wanted))
                .map(|s| format!("{category}/{s}"))
        })
    };
    match APPLE_CATEGORIES.iter().find(|(c, _)| same(c, name)) {
        Some((category, subs)) => match sub {
            None => Some((*category).to_string()),
            Some(sub) => match subs.iter().find(|s| same(s, sub)) {
                Some(s) => Some(format!("{category}/{s}")),
                None => find_sub(sub),
            },
        },
        None if sub.is_none() => find_sub(name),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_categories_and_subcategories_are_valid() {
        assert!(apple_category_is_valid("Technology", None));
        assert!(apple_category_is_valid(
            "Business",
            Some("Entrepreneurship")
        ));
        assert!(apple_category_is_valid(
            "Society & Culture",
            Some("Documentary")
        ));
        assert!(apple_category_is_valid(
            "Religion & Spirituality",
            Some("Religion")
        ));
        assert!(apple_category_is_valid("TV & Film", None));
    }

    #[test]
    fn unknown_or_misplaced_names_are_invalid() {
        assert!(!apple_category_is_valid("Tech", None));
        assert!(!apple_category_is_valid("technology", None));
        assert!(!apple_category_is_valid("Technology", Some("Podcasting")));
        assert!(!apple_category_is_valid("Business", Some("Tech News")));
        assert!(!apple_category_is_valid("Entrepreneurship", None));
        assert!(!apple_category_is_valid("Society and Culture", None));
        // Pre-2019 names that Apple retired.
        assert!(!apple_category_is_valid("Games & Hobbies", None));
        assert!(!apple_category_is_valid(
            "Business",
            Some("Management & Marketing")
        ));
    }

    #[test]
    fn the_list_has_no_duplicates() {
        let mut names: Vec<_> = APPLE_CATEGORIES.iter().map(|(c, _)| *c).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), APPLE_CATEGORIES.len());
        assert_eq!(APPLE_CATEGORIES.len(), 19);
        for (_, subs) in APPLE_CATEGORIES {
            let mut sorted = subs.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), subs.len());
        }
    }

    #[test]
    fn suggestions_fix_case_and_placement() {
        let suggest = |n, s| suggest_apple_category(n, s);
        assert_eq!(suggest("technology", None).as_deref(), Some("Technology"));
        assert_eq!(
            suggest("Entrepreneurship", None).as_deref(),
            Some("Business/Entrepreneurship")
        );
        assert_eq!(
            suggest("Technology", Some("Tech News")).as_deref(),
            Some("News/Tech News")
        );
        assert_eq!(
            suggest("business", Some("marketing")).as_deref(),
            Some("Business/Marketing")
        );
        assert_eq!(suggest("Cuisine", None), None);
    }
}
