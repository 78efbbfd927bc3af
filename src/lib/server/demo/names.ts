/**
 * Names for the demo organisation: common first names in Sweden (including names common
 * among Swedes with roots elsewhere) and surnames, and the e-mail address derived from them.
 */
import type { Gender } from '$lib/domain';
import type { Random } from './random';

export const WOMEN_FIRST_NAMES = [
	'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Emma', 'Johanna', 'Elin', 'Linda', 'Malin',
	'Sofia', 'Ida', 'Hanna', 'Jenny', 'Camilla', 'Lena', 'Helena', 'Kristina', 'Annika', 'Ulrika',
	'Therese', 'Frida', 'Matilda', 'Julia', 'Lisa', 'Jessica', 'Sandra', 'Caroline', 'Petra', 'Cecilia',
	'Louise', 'Emelie', 'Amanda', 'Josefin', 'Maja', 'Klara', 'Ebba', 'Linnea', 'Åsa', 'Susanne',
	'Anna-Karin', 'Marie', 'Fatima', 'Amina', 'Leila', 'Yasmin', 'Aisha', 'Nour', 'Zeynep', 'Elif',
	'Mariam', 'Shirin', 'Parisa', 'Jelena', 'Azra', 'Lejla', 'Samira', 'Hodan', 'Maryam', 'Agnieszka',
	'Tiina', 'Carmen', 'Dalia', 'Mirela'
] as const;

export const MEN_FIRST_NAMES = [
	'Anders', 'Johan', 'Erik', 'Lars', 'Karl', 'Peter', 'Mikael', 'Per', 'Fredrik', 'Daniel',
	'Andreas', 'Magnus', 'Jonas', 'Martin', 'Stefan', 'Mattias', 'Henrik', 'Niklas', 'Marcus', 'Patrik',
	'Tobias', 'Oscar', 'Viktor', 'Simon', 'Jakob', 'Emil', 'Gustav', 'Alexander', 'David', 'Sebastian',
	'Joakim', 'Christoffer', 'Robin', 'Ola', 'Björn', 'Linus', 'Pontus', 'Olof', 'Håkan', 'Jan-Erik',
	'Mohammed', 'Ahmed', 'Ali', 'Hassan', 'Omar', 'Mustafa', 'Yusuf', 'Ibrahim', 'Karim', 'Reza',
	'Amir', 'Mehmet', 'Emre', 'Dragan', 'Nikola', 'Adnan', 'Edin', 'Goran', 'Juan', 'Abdi',
	'Samir', 'Tariq', 'Arash', 'Dawit'
] as const;

export const SURNAMES = [
	'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
	'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson',
	'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist',
	'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund',
	'Danielsson', 'Håkansson', 'Lundin', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson',
	'Fransson', 'Bergqvist', 'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson',
	'Nordström', 'Mårtensson', 'Lundström', 'Åberg', 'Ekström', 'Sundberg', 'Hedlund', 'Strand', 'Falk', 'Öberg',
	'Ali', 'Mohammed', 'Ahmed', 'Hassan', 'Hussein', 'Abdullahi', 'Yilmaz', 'Kaya', 'Demir', 'Öztürk',
	'Karimi', 'Hosseini', 'Rahimi', 'Ahmadi', 'Jovanović', 'Petrović', 'Nikolić', 'Hodžić', 'Begić', 'Kovačević',
	'Nowak', 'Virtanen', 'Korhonen', 'García', 'Rodríguez', 'Haddad', 'Khalil', 'Osman', 'Farah', 'Tesfaye',
	'Nguyen', 'Mansour'
] as const;

/** Letters the Unicode decomposition does not reduce to ASCII. */
const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', ł: 'l', đ: 'd', ß: 'ss', ı: 'i' };

/** "Jovanović" → "jovanovic", "Anna-Karin" → "anna-karin": the ASCII form used in addresses. */
export function toAsciiLocalPart(text: string): string {
	return text
		.toLowerCase()
		.replace(/[æøłđßı]/g, (c) => SPECIAL[c])
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/\s+/g, '-')
		.replace(/[^a-z0-9-]/g, '');
}

export const DEMO_EMAIL_DOMAIN = 'exempelstad.se';

/**
 * fornamn.efternamn@exempelstad.se, made unique against `used` by appending a digit
 * (anna.andersson2@…). Adds the result to `used`.
 */
export function uniqueEmail(first: string, last: string, used: Set<string>, domain = DEMO_EMAIL_DOMAIN): string {
	const base = `${toAsciiLocalPart(first)}.${toAsciiLocalPart(last)}`;
	let email = `${base}@${domain}`;
	for (let n = 2; used.has(email); n++) email = `${base}${n}@${domain}`;
	used.add(email);
	return email;
}

export interface PersonName {
	first: string;
	last: string;
	/** Display name, "Förnamn Efternamn". */
	name: string;
}

/** A first name that fits the gender; 'annat' draws from either list. */
export function randomName(random: Random, gender: Gender): PersonName {
	const list =
		gender === 'kvinna' ? WOMEN_FIRST_NAMES : gender === 'man' ? MEN_FIRST_NAMES : random.chance(0.5) ? WOMEN_FIRST_NAMES : MEN_FIRST_NAMES;
	const first = random.pick(list);
	const last = random.pick(SURNAMES);
	return { first, last, name: `${first} ${last}` };
}

/** ~80 % kvinna, ~18 % man, ~2 % annat: the gender mix among Swedish social workers. */
export function randomGender(random: Random, shares = { kvinna: 0.8, man: 0.18, annat: 0.02 }): Gender {
	return random.weighted([
		['kvinna', shares.kvinna],
		['man', shares.man],
		['annat', shares.annat]
	]);
}
