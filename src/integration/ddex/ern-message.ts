/**
 * The DDEX ERN 4.3 NewReleaseMessage of one album, written from a plain model (ErnMessage): the
 * message header, the parties, one resource per track (SoundRecording or Video) and the release.
 * Pure; the element order follows the ERN 4.3 XSD (vendor/ddex/ern43/release-notification.xsd),
 * and every message is validated against it in test/integration/ddex-export.test.ts.
 */
import type { DdexContributorRole, DdexDisplayArtistRole } from './ddex-roles.js';
import { isoDuration, type ReleaseKind } from './ddex-values.js';
import { el, serialiseXml, textEl, type XmlElement } from './xml-writer.js';

export const ERN_NAMESPACE = 'http://ddex.net/xml/ern/43';
/** The version of the allowed-value sets the vendored schema carries (its AvsVersionId annotation). */
export const AVS_VERSION_ID = '9';

export interface ErnMessagingParty {
  /** A DDEX Party Identifier (PADPIDA…). */
  readonly dpid: string;
  readonly name: string;
}

export interface ErnParty {
  readonly reference: string;
  readonly name: string;
  readonly language?: string | undefined;
}

export interface ErnDisplayArtist {
  readonly partyReference: string;
  readonly role: DdexDisplayArtistRole;
}

export interface ErnContributor {
  readonly partyReference: string;
  readonly role: DdexContributorRole;
  readonly userDefinedValue?: string | undefined;
}

export interface ErnTitle {
  readonly text: string;
  readonly language?: string | undefined;
}

/** One track: a SoundRecording, or a Video for music videos. */
export interface ErnResource {
  readonly reference: string;
  readonly kind: 'SoundRecording' | 'Video';
  /** An AVS SoundRecordingType or VideoType value. */
  readonly type: string;
  readonly isrc: string;
  readonly title: ErnTitle;
  readonly displayArtistName: string;
  readonly artists: readonly ErnDisplayArtist[];
  readonly contributors: readonly ErnContributor[];
  readonly durationSeconds: number;
  readonly creationDate?: string | undefined;
}

export interface ErnRelease {
  readonly reference: string;
  /** The registry's own id of the album (its album number), a ProprietaryId in the sender's namespace. */
  readonly proprietaryId: { readonly namespace: string; readonly value: string };
  readonly kind: ReleaseKind;
  readonly title: ErnTitle;
  readonly displayArtistName: string;
  readonly artists: readonly ErnDisplayArtist[];
  readonly labelPartyReference: string;
  readonly pLine?: { readonly year?: string | undefined; readonly company: string } | undefined;
  readonly durationSeconds?: number | undefined;
  readonly releaseDate?: string | undefined;
  readonly genre: string;
}

export interface ErnMessage {
  readonly messageId: string;
  /** ISO 8601 date-time. */
  readonly createdAt: string;
  readonly sender: ErnMessagingParty;
  readonly recipient: ErnMessagingParty;
  /** The message's default LanguageAndScriptCode. */
  readonly language: string;
  readonly parties: readonly ErnParty[];
  readonly resources: readonly ErnResource[];
  readonly release: ErnRelease;
}

/**
 * ERN records nothing about explicit content in our registry, so every resource and the release say
 * "no advice available" (the AVS value for "not known"), rather than claiming NotExplicit.
 */
const PARENTAL_WARNING = 'NoAdviceAvailable';

function messagingParty(name: string, party: ErnMessagingParty): XmlElement {
  return el(name, {}, textEl('PartyId', party.dpid), el('PartyName', {}, textEl('FullName', party.name)));
}

function header(message: ErnMessage): XmlElement {
  return el(
    'MessageHeader',
    {},
    textEl('MessageThreadId', message.messageId),
    textEl('MessageId', message.messageId),
    messagingParty('MessageSender', message.sender),
    messagingParty('MessageRecipient', message.recipient),
    textEl('MessageCreatedDateTime', message.createdAt),
    textEl('MessageControlType', 'LiveMessage'),
  );
}

function party(p: ErnParty): XmlElement {
  return el('Party', {}, textEl('PartyReference', p.reference), el('PartyName', {}, textEl('FullName', p.name, { LanguageAndScriptCode: p.language })));
}

function titles(title: ErnTitle): XmlElement[] {
  const language = { LanguageAndScriptCode: title.language };
  return [textEl('DisplayTitleText', title.text, language), el('DisplayTitle', language, textEl('TitleText', title.text))];
}

function displayArtists(artists: readonly ErnDisplayArtist[]): XmlElement[] {
  return artists.map((a, i) => el('DisplayArtist', { SequenceNumber: i + 1 }, textEl('ArtistPartyReference', a.partyReference), textEl('DisplayArtistRole', a.role)));
}

function contributor(c: ErnContributor, index: number): XmlElement {
  return el(
    'Contributor',
    { SequenceNumber: index + 1 },
    textEl('ContributorPartyReference', c.partyReference),
    textEl('Role', c.role, c.userDefinedValue === undefined ? {} : { UserDefinedValue: c.userDefinedValue }),
  );
}

function resource(r: ErnResource): XmlElement {
  const edition = r.kind === 'Video' ? 'VideoEdition' : 'SoundRecordingEdition';
  return el(
    r.kind,
    {},
    textEl('ResourceReference', r.reference),
    textEl('Type', r.type),
    el(edition, {}, el('ResourceId', {}, textEl('ISRC', r.isrc))),
    titles(r.title),
    textEl('DisplayArtistName', r.displayArtistName),
    displayArtists(r.artists),
    r.contributors.map(contributor),
    textEl('Duration', isoDuration(r.durationSeconds)),
    r.creationDate === undefined ? undefined : textEl('CreationDate', r.creationDate),
    textEl('ParentalWarningType', PARENTAL_WARNING),
  );
}

function release(r: ErnRelease, resources: readonly ErnResource[]): XmlElement {
  const { kind } = r;
  return el(
    'Release',
    {},
    textEl('ReleaseReference', r.reference),
    textEl('ReleaseType', kind.releaseType),
    el('ReleaseId', {}, textEl('ProprietaryId', r.proprietaryId.value, { Namespace: r.proprietaryId.namespace })),
    titles(r.title),
    textEl('DisplayArtistName', r.displayArtistName),
    displayArtists(r.artists),
    textEl('ReleaseLabelReference', r.labelPartyReference),
    r.pLine === undefined
      ? undefined
      : el(
          'PLine',
          {},
          r.pLine.year === undefined ? undefined : textEl('Year', r.pLine.year),
          textEl('PLineCompany', r.pLine.company),
          textEl('PLineText', `℗ ${r.pLine.year === undefined ? '' : `${r.pLine.year} `}${r.pLine.company}`),
        ),
    r.durationSeconds === undefined ? undefined : textEl('Duration', isoDuration(r.durationSeconds)),
    el('Genre', {}, textEl('GenreText', r.genre)),
    r.releaseDate === undefined ? undefined : textEl('ReleaseDate', r.releaseDate),
    textEl('ParentalWarningType', PARENTAL_WARNING),
    kind.compilation === 'single-artist' ? textEl('IsSingleArtistCompilation', 'true') : undefined,
    kind.compilation === 'multi-artist' ? textEl('IsMultiArtistCompilation', 'true') : undefined,
    el(
      'ResourceGroup',
      {},
      resources.map((res, i) => el('ResourceGroupContentItem', {}, textEl('SequenceNumber', i + 1), textEl('ReleaseResourceReference', res.reference))),
    ),
    kind.soundtrack ? textEl('IsSoundtrack', 'true') : undefined,
  );
}

/** The message as an XML document (UTF-8). */
export function writeNewReleaseMessage(message: ErnMessage): string {
  const resources = message.resources;
  const root = el(
    'ern:NewReleaseMessage',
    {
      'xmlns:ern': ERN_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${ERN_NAMESPACE} ${ERN_NAMESPACE}/release-notification.xsd`,
      ReleaseProfileVersionId: resources.some((r) => r.kind === 'Video') ? 'Video' : 'Audio',
      LanguageAndScriptCode: message.language,
      AvsVersionId: AVS_VERSION_ID,
    },
    header(message),
    el('PartyList', {}, message.parties.map(party)),
    el('ResourceList', {}, resources.filter((r) => r.kind === 'SoundRecording').map(resource), resources.filter((r) => r.kind === 'Video').map(resource)),
    el('ReleaseList', {}, release(message.release, resources)),
  );
  return serialiseXml(root);
}
