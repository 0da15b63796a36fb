// The matters residents comment on (Law 10/2022 Art 25; staff in agencies: Art 53), the forms of
// consultation (Art 26; Art 54) and the channels a comment arrives by.
export const COMMUNE_MATTERS = ['item1', 'item2', 'item3', 'item4', 'item5', 'item6', 'item7', 'item8', 'item9'] as const;
export const AGENCY_MATTERS = ['work_plan', 'democracy_regulation', 'spending_rules', 'organisation', 'personnel', 'pay', 'internal_rules', 'other'] as const;
export type Matter = (typeof COMMUNE_MATTERS)[number] | (typeof AGENCY_MATTERS)[number];
export const mattersFor = (scope: 'commune' | 'agency'): readonly string[] => (scope === 'commune' ? COMMUNE_MATTERS : AGENCY_MATTERS);

/** Art 25(8): a draft decision imposing obligations or restricting rights (R-D3, Art 27). */
export const ADVERSE_MATTER = 'item8';
/** Art 55(2): the union is consulted before the agency's democracy regulation is issued. */
export const UNION_MATTER = 'democracy_regulation';

export const COMMUNE_FORMS = [
  'dialogue',
  'community_meeting',
  'household_ballot',
  'suggestion_box',
  'front_organisations',
  'portal',
  'social_network',
  'affected_dialogue',
] as const;
export const AGENCY_FORMS = ['direct', 'unit_heads', 'conference', 'draft_sent', 'suggestion_box', 'internal_portal', 'union'] as const;
export const formsFor = (scope: 'commune' | 'agency'): readonly string[] => (scope === 'commune' ? COMMUNE_FORMS : AGENCY_FORMS);

/** Channels officials enter a comment from (issue 6 item 2); 'online' is a signed-in person's own. */
export const COMMUNE_CHANNELS = ['meeting', 'household_form', 'suggestion_box', 'hotline', 'portal', 'social_network', 'organisation'] as const;
export const AGENCY_CHANNELS = ['meeting', 'unit_heads', 'conference', 'written_form', 'suggestion_box', 'union'] as const;
export const channelsFor = (scope: 'commune' | 'agency'): readonly string[] => (scope === 'commune' ? COMMUNE_CHANNELS : AGENCY_CHANNELS);
