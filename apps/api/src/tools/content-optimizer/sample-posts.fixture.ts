import type { Platform } from '@postprober/shared/platforms';

/** Real-looking posts, at least three per platform, shared by the rubric and builtin-engine specs. */
export const SAMPLE_POSTS: Readonly<Record<string, { platform: Platform; text: string }>> = {
  longLinkedIn: {
    platform: 'linkedin',
    text:
      'I have been thinking a lot about remote work lately and the way our team has had to adapt our processes and rituals over the past few years in order to stay connected and productive. ' +
      'When we started, we relied heavily on synchronous meetings, which quickly became exhausting for everyone involved across different time zones. ' +
      'Over time we moved most of our communication to written documents, which improved the quality of decisions considerably. ' +
      'We also introduced a weekly demo where anyone can show unfinished work without judgement. ' +
      'Our engineering throughput went up 32% in two quarters, and attrition dropped to 4%. ' +
      'None of this was planned from the start, it emerged from listening to people. ' +
      'I would love to hear how other teams handle this. ' +
      '#RemoteWork #Leadership #Engineering',
  },
  linkedInAnnouncement: {
    platform: 'linkedin',
    text: 'Excited to share that I joined @Acme as Head of Data. Grateful to everyone who helped along the way. More soon at https://acme.example/blog/hello',
  },
  linkedInShort: {
    platform: 'linkedin',
    text: 'How do you onboard new engineers in 2026? We cut ramp-up time from 6 weeks to 10 days with a buddy system. Share your approach in the comments.\n\n#Onboarding #Engineering #Teams',
  },
  longTweetWithLink: {
    platform: 'twitter',
    text:
      'We just shipped our new analytics dashboard and honestly it has been a long road getting here. ' +
      'The team rebuilt the entire data pipeline from scratch so that reports load in under 2 seconds. ' +
      'It also supports exports to CSV and scheduled email digests for every workspace. ' +
      'Huge thanks to everyone who sent feedback during the beta. ' +
      'Read the full story here https://example.com/blog/analytics-dashboard-launch-2026',
  },
  shortTweet: { platform: 'twitter', text: 'New blog post is up.' },
  tweetWithMentions: {
    platform: 'twitter',
    text: 'Why do 73% of launches miss their date? @jane and @bob break it down in our new podcast. Listen: https://pod.example/ep42 #startups',
  },
  instagramManyHashtags: {
    platform: 'instagram',
    text:
      'Sunday brunch at our new spot downtown ☕🥞 The pancakes are unreal and the coffee is roasted in house.\n\n' +
      Array.from({ length: 34 }, (_, i) => `#brunch${i + 1}`).join(' '),
  },
  instagramLink: {
    platform: 'instagram',
    text: 'Our spring collection just dropped! 🌸 Shop it at https://shop.example/spring and use code SPRING20 for 20% off. #fashion #spring #ootd #style #newin',
  },
  instagramPlain: {
    platform: 'instagram',
    text: 'A quiet morning on the lake before the crowds arrived. Mist on the water and not a sound except the birds.',
  },
  facebookNoCta: {
    platform: 'facebook',
    text: 'Our bakery turns 10 this Saturday. We are baking our original recipes all day and the first 50 customers get a free cinnamon roll.',
  },
  facebookEvent: {
    platform: 'facebook',
    text: 'Join us for the community cleanup at Riverside Park on June 14! Bring gloves, we bring coffee. Sign up here: https://events.example/cleanup',
  },
  facebookRamble: {
    platform: 'facebook',
    text:
      'So yesterday something kind of funny happened at the shop. A customer came in looking for a very specific replacement part for a vintage radio. ' +
      'We did not have it, but one of our regulars overheard the conversation and said he had one in his garage. ' +
      'Twenty minutes later he came back with the part and refused to take any money for it. ' +
      'This is why we love this neighbourhood.',
  },
};
