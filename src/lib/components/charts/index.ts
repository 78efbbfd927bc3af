export { default as TrendChart } from './TrendChart.svelte';
export { default as DistributionBar } from './DistributionBar.svelte';
export {
	formatNumber,
	formatPercentPoints,
	normaliseCounts,
	roundedPercentages,
	SCORE_COLOURS,
	SCORE_TEXT_COLOURS,
	SERIES_COLOURS,
	SERIES_DASHES,
	type ScoreCounts,
	type TrendSeries
} from './format';
