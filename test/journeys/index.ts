// Every shared journey, in the order the drivers run them (each is independent of the others:
// it prepares its own data, and the members it uses do not meet in another journey's data).
import type { Journey } from './steps';
import { bindJourney } from './bind';
import { examJourney } from './exam';
import { checkinJourney } from './checkin';
import { eventJourney } from './event';
import { feedJourney } from './feed';
import { quizJourney } from './quiz';
import { consoleJourney } from './console';

export const JOURNEYS: readonly Journey[] = [bindJourney, examJourney, checkinJourney, eventJourney, feedJourney, quizJourney, consoleJourney];
