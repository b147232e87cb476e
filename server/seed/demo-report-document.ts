// The demo board's report as a document (issue 14): the seed report's facts (crisis-week-2022-01) told
// again in Watchfloor's own words, as a wire situation report of 8 January 2022, and the revision an
// editor filed on the morning of the Geneva talks. The revision is made to show every way a passage
// note can fare: the Kazakhstan paragraph moves up (its note follows it verbatim), the troop figure is
// reworded (its note anchors approximately), the Belarus sentence is cut (its note is orphaned), and
// the rest only shifts.

const LEAD = `Foreign ministers of NATO's 30 member states, meeting by video link on Friday, agreed that the alliance would answer any Russian invasion of Ukraine with a strong response. The wording is no sharper than in recent weeks, but it sets the tone for a hard week of talks with the Kremlin.`;

const WARNINGS = `NATO Secretary General Jens Stoltenberg told reporters that the risk of conflict is real. US Secretary of State Antony Blinken also spoke of a strong response, and tied it to the alliance rather than to Washington alone. That turns the heat up a little: it is NATO, not any single government, that answers for the military side of the crisis.`;

const BUILD_UP_FIGURE = `Since November, Moscow has brought some 100,000 troops and their weapons to positions within reach of Ukraine's borders.`;
const BUILD_UP_FIGURE_REVISED = `Since November, Moscow has brought more than 100,000 troops and their weapons to positions within reach of Ukraine's borders.`;
const BUILD_UP_REASONS = `President Vladimir Putin calls the build-up a reply to Western arms deliveries to Kyiv, and wants a settlement of the war in the east that keeps Ukraine out of NATO and leaves a strategic buffer between Russia and the rest of Europe.`;
const BELARUS = `Belarus already serves as one: Aleksandr Lukashenko, who for years played Moscow and the West against each other, turned to the Kremlin for help when mass protests shook his rule, and has taken his cue from it since.`;

const DEMANDS = `Russia annexed Crimea in 2014 and backed the separatist war that carved pro-Moscow enclaves out of eastern Ukraine. This time it has gone further and handed the West an ultimatum: no more NATO enlargement, and allied forces withdrawn from every country that joined after 1997, which in practice means the Baltic states, once Soviet republics, and the former communist allies of Central Europe.`;

const OUTLOOK = `The alliance will not agree to that. What remains is either a stalemate or a round of bargaining over lesser concessions.`;

const CALENDAR = `Those talks start on Monday, 10 January, in Geneva, where a Russian delegation meets an American one. On Wednesday Brussels hosts the main event of the week, a session of the NATO-Russia Council, a forum created for dialogue that has barely worked since the two sides stopped keeping diplomatic missions with each other. On Thursday the 57 participating states of the OSCE, NATO members, Russia and Ukraine among them, meet in Vienna, and NATO's defence ministers are to confer by video.`;

const DIPLOMACY = `Stoltenberg said the aim is a peaceful settlement, and Blinken said the same, while recalling the heavy economic sanctions President Joe Biden threatened in his two calls with Putin.`;

const KAZAKHSTAN = `Blinken also questioned Russia's part in Kazakhstan, where the government is putting down unrest with troops it asked for from the Collective Security Treaty Organization, the Moscow-led alliance of former Soviet states. Dozens of people have been killed. Most of the contingent, about 2,500 soldiers, landed on Friday. Some observers see a chance for Putin to pose as the peacemaker of Central Asia and gain weight against Europe; a drawn-out crisis there, though, would sap the strength he needs for the standoff with NATO.`;

const paragraphs = (...parts: string[]) => parts.join("\n\n");

export const DEMO_REPORT_V1 = paragraphs(
  LEAD,
  WARNINGS,
  `${BUILD_UP_FIGURE} ${BUILD_UP_REASONS} ${BELARUS}`,
  DEMANDS,
  OUTLOOK,
  CALENDAR,
  DIPLOMACY,
  KAZAKHSTAN,
);

export const DEMO_REPORT_V2 = paragraphs(
  LEAD,
  WARNINGS,
  KAZAKHSTAN,
  `${BUILD_UP_FIGURE_REVISED} ${BUILD_UP_REASONS}`,
  DEMANDS,
  OUTLOOK,
  CALENDAR,
  DIPLOMACY,
);

/** The quotes of the report's passage notes, each found once in version 1 (the seed checks). */
export const DEMO_REPORT_QUOTES = {
  /** Moved with its paragraph in version 2. */
  peacemaker:
    "Some observers see a chance for Putin to pose as the peacemaker of Central Asia and gain weight against Europe",
  /** Reworded in version 2 ("some" → "more than"). */
  troops: BUILD_UP_FIGURE,
  /** Cut from version 2. */
  belarus: BELARUS,
  /** Untouched, only shifted. */
  refusal: "The alliance will not agree to that.",
} as const;
