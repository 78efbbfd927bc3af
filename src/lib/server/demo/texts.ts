/**
 * Free-text answers for the demo rounds: short motivations for a low (1–3) or a high (4–6)
 * score, and answers to "Vad är positivt i min arbetssituation?". Written to read like what
 * socialsekreterare and biståndshandläggare actually write.
 */
import type { ActivityArea } from '$lib/domain';

export const NEGATIVE_MOTIVATIONS = [
	'För många ärenden just nu, hinner inte dokumentera.',
	'Vi är för få på gruppen sedan två kollegor slutade.',
	'Hinner inte träffa klienterna så ofta som de behöver.',
	'Utredningstiderna överskrids hela tiden och det känns inte rättssäkert.',
	'Mycket övertid den senaste månaden.',
	'Många nya kollegor som ska introduceras samtidigt, det blir tungt för oss som varit här längre.',
	'Saknar tid för reflektion och handledning.',
	'Konsulterna slutar hela tiden och ärendena hamnar hos oss.',
	'Chefen är svår att nå, sitter i möten hela dagarna.',
	'Dokumentationskraven har ökat men inte tiden.',
	'Datorsystemet krånglar och tar tid från klientarbetet.',
	'Jag har fått ta över ärenden utan överlämning.',
	'Stressigt, jag går hem med dåligt samvete varje dag.',
	'Hot från en klient har gjort mig orolig.',
	'För lite administrativt stöd, vi gör allt själva.',
	'Trångt i lokalerna och svårt att hitta samtalsrum.',
	'Otydligt vem som ansvarar för vad efter omorganisationen.',
	'Hög sjukfrånvaro i gruppen gör att vi täcker upp för varandra hela tiden.',
	'Svårt att hinna med fortbildning.',
	'Jag hinner inte göra ett gott arbete med den här ärendemängden.',
	'Kan inte rekommendera arbetsplatsen som det ser ut nu.',
	'Många akuta ärenden gör att planerat arbete skjuts upp.',
	'Lönen motsvarar inte ansvaret.',
	'Jag saknar en mentor nu när jag är ny.',
	'Besluten tar för lång tid och klienterna får vänta.',
	'Vi har haft tre chefer på ett år.',
	'Mycket tid går åt till att jaga vårdgivare och samverkansparter.',
	'Dubbelarbete mellan systemen.',
	'Känner mig ensam med svåra beslut.',
	'Det är tungt att inte kunna ge det stöd som behövs.',
	'Inget medhandläggarskap i de svåra ärendena längre.',
	'Jag funderar på att söka mig härifrån.'
] as const;

export const POSITIVE_MOTIVATIONS = [
	'Bra stöd från kollegorna och tydlig ledning.',
	'Ärendemängden har blivit rimligare sedan vi fick förstärkning.',
	'Jag hinner träffa mina klienter och följa upp.',
	'Tydliga rutiner och bra introduktion.',
	'Chefen finns nära och går att fråga.',
	'Vi har medhandläggare i de tunga ärendena.',
	'Ärendehandledningen varje vecka gör stor skillnad.',
	'Bra stämning i gruppen och vi hjälper varandra.',
	'Jag har fått gå specialistutbildning i höst.',
	'Administratören avlastar oss mycket.',
	'Jag känner att jag gör skillnad för familjerna.',
	'Vi har fått tid för planering och dokumentation.',
	'Arbetsbelastningen är hanterbar just nu.',
	'Mer stabil arbetsgrupp nu, färre konsulter.',
	'Jag kan påverka hur jag lägger upp mitt arbete.',
	'Bra samarbete med utförarna.',
	'Nya lokaler med fungerande samtalsrum.',
	'Tydliga prioriteringar från ledningen.',
	'Jag rekommenderar gärna min arbetsplats till andra socionomer.',
	'Bra mentorskap för oss nyanställda.',
	'Vi tar emot studenter och det ger energi i gruppen.',
	'Kompetensforumet ger mig ny kunskap.',
	'Det finns förståelse för när det är tungt.',
	'Bra introduktionsprogram, jag kände mig välkommen.',
	'Stödet efter hotsituationen var bra.',
	'Jag har rimligt många ärenden och kan göra utredningarna ordentligt.',
	'Tydlig delegationsordning och snabba beslut.',
	'Arbetsgruppen är stabil och erfaren.',
	'Jag trivs och utvecklas i mitt arbete.',
	'Chefen lyssnar och agerar när vi säger ifrån.',
	'Flexibla arbetstider gör vardagen lättare.',
	'Vi har fått bättre arbetsverktyg.'
] as const;

/** A few lines that belong to one verksamhetsområde, mixed in for realism. */
export const AREA_MOTIVATIONS: Record<ActivityArea, { negative: string[]; positive: string[] }> = {
	barn_och_unga: {
		negative: ['Orosanmälningarna har ökat kraftigt i höst.', 'Svårt att hitta familjehem och placeringar.'],
		positive: ['Bra samarbete med skolan och BUP.', 'SIP-arbetet fungerar bättre nu.']
	},
	ekonomiskt_bistand: {
		negative: ['Många nybesök och långa väntetider.', 'Svårt att hinna med arbetsinriktade samtal.'],
		positive: ['Bra samarbete med Arbetsförmedlingen och jobbtorget.', 'E-ansökan har minskat pappersarbetet.']
	},
	socialpsykiatri: {
		negative: ['Svårt att få kontakt med psykiatrin.', 'Många komplexa ärenden med samsjuklighet.'],
		positive: ['Bra samverkan med psykiatrin genom SIP.', 'Vi har fått tid att följa upp insatserna.']
	},
	missbruk_beroende: {
		negative: ['Många akuta LVM-ärenden den här perioden.', 'Långa väntetider till behandling.'],
		positive: ['Bra samarbete med beroendevården.', 'Motiverande samtal fungerar och ger resultat.']
	},
	funktionsnedsattning: {
		negative: ['LSS-utredningarna blir allt mer omfattande.', 'Många överklaganden tar tid.'],
		positive: ['Tydliga riktlinjer för LSS-bedömningar.', 'Bra dialog med utförarna.']
	},
	aldreomsorg: {
		negative: ['Många vårdplaneringar från sjukhuset med kort varsel.', 'Hinner inte göra uppföljningar av insatserna.'],
		positive: ['Bra samarbete med hemtjänsten.', 'Den nya biståndsmallen sparar tid.']
	}
};

export const POSITIVE_ANSWERS = [
	'Kollegorna och handledningen på tisdagar.',
	'Mina kollegor, vi har väldigt roligt ihop.',
	'Att jag får träffa familjerna och se att det blir bättre.',
	'Närvarande chef som tar sig tid.',
	'Ärendedragningarna i gruppen.',
	'Att jag fått gå utbildning i BBIC.',
	'Möjligheten att arbeta hemifrån en dag i veckan.',
	'Stödet från min mentor.',
	'Flexibiliteten och friheten i arbetet.',
	'Vi har bra lokaler nu.',
	'Att vi har medhandläggare i svåra ärenden.',
	'Tydligare prioriteringar från ledningen.',
	'Gruppsammanhållningen.',
	'Mötet med klienterna, det är därför jag valt yrket.',
	'Att jag får utvecklas och ta mer ansvar.',
	'Bra introduktion för nyanställda.',
	'Administratörerna som hjälper oss med det praktiska.',
	'Att vi tar emot socionomstudenter.',
	'Kompetensforum en gång i månaden.',
	'Friskvårdstimmen.',
	'Ledningen lyssnar på oss i arbetsmiljöfrågor.',
	'Att ärendemängden har minskat.',
	'Samarbetet med skolan och vården.',
	'Att få göra skillnad för människor.',
	'Bra stöd vid hot och våld.',
	'Fikat på fredagar och god stämning.',
	'Metodstödet och de nya mallarna.',
	'Handledning med extern handledare.',
	'Att vi har fått en biträdande enhetschef nära gruppen.',
	'Trevliga kollegor och en chef som står upp för oss.',
	'Att jag hinner tänka efter innan jag fattar beslut.',
	'Möjligheten att specialisera mig.'
] as const;
